using System.Security.Cryptography;
using Cdt.Gaia;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.GatewayEmulator;

/// <summary>
/// Answers one command a stub handed over, for one gateway: file copies (<c>dd of=</c>) and reads
/// (<c>cat</c>) against the gateway's folder, everything else through the same <see cref="GaiaSimulator"/>
/// the in-process simulator uses, under the state lock.
/// </summary>
public sealed class RequestHandler
{
    private const int KeepContentBelow = 256 * 1024;
    private readonly EmulatorState _state;
    private readonly string _gateway;

    public RequestHandler(EmulatorState state, string gateway)
    {
        _state = state;
        _gateway = gateway;
    }

    public async Task<Reply> HandleAsync(IReadOnlyList<string> words, string sessionFolder, CancellationToken ct)
    {
        var now = _state.Now();
        return words[0] switch
        {
            StubScripts.NotFound => await SimulateAsync(words.Skip(1).ToList(), now, ct),
            "dd" => await ReceiveAsync(words, Path.Combine(sessionFolder, "stdin"), now, ct),
            "cat" when words.Count == 2 && DiskPath(words[1]) is { } p && File.Exists(p) => new Reply(SimReply.Ok(), await File.ReadAllBytesAsync(p, ct)),
            _ => await SimulateAsync(words, now, ct),
        };
    }

    /// <summary>A whole command line, as a Clish login shell receives it.</summary>
    public async Task<Reply> HandleLineAsync(string line, CancellationToken ct)
    {
        var now = _state.Now();
        return Reply.From(await _state.UpdateAsync(w => new GaiaSimulator(w).Execute(_gateway, line, now), ct));
    }

    /// <summary>A note in the record of refused commands: what the restricted shell itself refused.</summary>
    public Task RecordRefusalAsync(string text, CancellationToken ct) =>
        _state.UpdateAsync(w =>
        {
            w.RefusedCommands.Add(_gateway + ": " + text);
            return true;
        }, ct);

    /// <summary>The command as one line, each word quoted, so the simulator reads back exactly these words.</summary>
    private async Task<Reply> SimulateAsync(IReadOnlyList<string> words, DateTimeOffset now, CancellationToken ct)
    {
        var line = string.Join(" ", words.Select(QuoteIfNeeded));
        return Reply.From(await _state.UpdateAsync(w => new GaiaSimulator(w).Execute(_gateway, line, now), ct));
    }

    private async Task<Reply> ReceiveAsync(IReadOnlyList<string> words, string stdinFile, DateTimeOffset now, CancellationToken ct)
    {
        var target = words.Skip(1).FirstOrDefault(w => w.StartsWith("of=", StringComparison.Ordinal))?[3..];
        if (target is null || DiskPath(target) is not { } disk)
        {
            return Reply.From(SimReply.Fail(1, "dd: emulated dd needs of=ABSOLUTE_PATH\n"));
        }

        var bytes = File.Exists(stdinFile) ? await File.ReadAllBytesAsync(stdinFile, ct) : [];
        var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
        var reply = await _state.UpdateAsync(w => new GaiaSimulator(w).ReceiveFile(_gateway, target, md5, bytes.Length, bytes.Length < KeepContentBelow ? bytes : null, now), ct);
        if (reply.Answered())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(disk)!);
            await File.WriteAllBytesAsync(disk, bytes, ct);
        }

        return Reply.From(reply);
    }

    /// <summary>Plain words stay as they are, so the record of commands reads like what cdt sent.</summary>
    private static string QuoteIfNeeded(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '=' or ':' or ',' or '+' or '@' or '%')
            ? word
            : ShellQuote.Single(word);

    /// <summary>The gateway's file inside its folder of the state; null for a path that could leave it.</summary>
    private string? DiskPath(string remotePath) =>
        RemoteValues.IsAbsolutePath(remotePath) ? Path.Combine(_state.FilesOf(_gateway), remotePath.TrimStart('/')) : null;
}
