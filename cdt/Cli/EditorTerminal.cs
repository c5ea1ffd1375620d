using System.Diagnostics;
using Cdt.Candidates;
using Cdt.Diagnostics;

namespace Cdt.Cli;

/// <summary>The person at the terminal for <c>cdt edit</c>: their editor ($VISUAL, else $EDITOR, else vi) and the edit-again prompt.</summary>
public sealed class EditorTerminal(CliContext context) : IListEditTerminal
{
    private readonly string _editor = context.Environment("VISUAL") is { Length: > 0 } v ? v : context.Environment("EDITOR") is { Length: > 0 } e ? e : "vi";

    public string NewScratchFolder() => Directory.CreateTempSubdirectory("cdt-edit-").FullName;

    public void RemoveScratchFolder(string folder) => Directory.Delete(folder, recursive: true);

    /// <summary>Runs the editor as git does: through sh, so "code --wait" or "vim -n" work.</summary>
    public async Task<int> EditAsync(string file, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(_editor + " \"$1\"");
        psi.ArgumentList.Add("cdt-edit");
        psi.ArgumentList.Add(file);
        using var process = Process.Start(psi) ?? throw new CdtInputException($"cdt: cannot start the editor '{_editor}'");
        await process.WaitForExitAsync(ct);
        return process.ExitCode;
    }

    public async Task<bool> EditAgainAsync(IReadOnlyList<Diagnostic> problems, CancellationToken ct)
    {
        foreach (var p in problems)
        {
            await context.Error.WriteLineAsync(Location.Format(p.Path, p.Line, null, p.Message));
        }

        await context.Error.WriteAsync("The list is not valid. (e)dit again or (d)iscard your changes? [e/d] ");
        var answer = (await context.In.ReadLineAsync(ct))?.Trim().ToLowerInvariant();
        return answer is "e" or "edit";
    }
}
