using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Questions that belong together, sent as one Expert-mode command line (one round trip) and read
/// back part by part. A Clish login shell runs one command per session: there they are asked one
/// after the other, with the same answers.
/// </summary>
public sealed partial class GaiaDriver
{
    /// <summary>
    /// The gateway's version and installed packages, and when asked its imported packages and the
    /// MD5 of <paramref name="uploadPath"/> (not from a Clish login: md5sum needs Expert mode). The
    /// answer fails when the gateway could not be reached or its version could not be read; the
    /// survey is given whenever the gateway answered.
    /// </summary>
    public async Task<GaiaAnswer<GatewaySurvey>> SurveyAsync(Target t, bool imported, string? uploadPath, CancellationToken ct)
    {
        var resolved = await ResolveShellAsync(t, ct);
        if (resolved.Value is not { } r)
        {
            return new GaiaAnswer<GatewaySurvey>(null, resolved.Error, resolved.Raw);
        }

        return r.Shell == LoginShell.Clish ? await SurveyOneByOneAsync(r, imported, ct) : await SurveyTogetherAsync(r, imported, uploadPath, ct);
    }

    /// <summary>
    /// Imports a package sent to the upload folder and, when the import succeeded, lists the
    /// imported packages (in the same round trip from Expert mode).
    /// </summary>
    public async Task<ImportAnswer> ImportAsync(Target t, string fileName, TimeSpan timeout, CancellationToken ct)
    {
        var resolved = await ResolveShellAsync(t, ct);
        if (resolved.Value is not { } r)
        {
            return new ImportAnswer(resolved.Raw ?? new CommandResult { ExitCode = 1, Stderr = resolved.Error ?? "the login shell could not be found" }, null);
        }

        if (r.Shell == LoginShell.Clish)
        {
            var import = await RunAsync(r, GaiaCommands.Import(r, fileName), timeout, ct);
            return new ImportAnswer(import, import.Succeeded ? await PackagesAsync(r, PackageListing.Imported, ct) : null);
        }

        var result = await RunAsync(r, GaiaCommands.ImportThenList(r, fileName), timeout, ct);
        var parts = CombinedAnswer.Split(result);
        return parts.Count < 2 || !result.Answered
            ? new ImportAnswer(result, null)
            : new ImportAnswer(parts[0], GaiaAnswer<IReadOnlyList<InstallerPackage>>.From(parts[1], PackageListParser.Parse, "listing installer packages"));
    }

    /// <summary>
    /// Asks CPUSE whether the package may be installed and, in the same round trip from Expert
    /// mode, its status (from a Clish login the status is not asked: <see cref="VerifyAnswer.Status"/> is null).
    /// </summary>
    public async Task<GaiaAnswer<VerifyAnswer>> VerifyWithStatusAsync(Target t, string name, CancellationToken ct)
    {
        var resolved = await ResolveShellAsync(t, ct);
        if (resolved.Value is not { } r)
        {
            return new GaiaAnswer<VerifyAnswer>(null, resolved.Error, resolved.Raw);
        }

        if (r.Shell == LoginShell.Clish)
        {
            var alone = await VerifyAsync(r, name, ct);
            return new GaiaAnswer<VerifyAnswer>(alone.Value is { } v ? new VerifyAnswer(v, null) : null, alone.Error, alone.Raw);
        }

        var result = await RunAsync(r, GaiaCommands.VerifyThenStatus(r, name), ct);
        var parts = CombinedAnswer.Split(result);
        var verdict = Verdict(parts[0] with { Stderr = result.Stderr });
        if (verdict.Value is not { } found)
        {
            return new GaiaAnswer<VerifyAnswer>(null, verdict.Error, result);
        }

        var status = parts.Count > 1 ? GaiaAnswer<string>.From(parts[^1], SimpleParsers.PackageStatus, "reading the package status") : null;
        return new GaiaAnswer<VerifyAnswer>(new VerifyAnswer(found, status), null, result);
    }

    /// <summary>A package searched for in a listing already read, by its configured name, else its file name.</summary>
    public static GaiaAnswer<PackageSearch> Search(GaiaAnswer<IReadOnlyList<InstallerPackage>> list, string name, string? fileName) =>
        list.Value is { } packages && list.Ok
            ? new GaiaAnswer<PackageSearch>(new PackageSearch(PackageListParser.Find(packages, name, fileName), packages.Count), null, list.Raw)
            : new GaiaAnswer<PackageSearch>(null, list.Error, list.Raw);

    private async Task<GaiaAnswer<GatewaySurvey>> SurveyTogetherAsync(Target r, bool imported, string? uploadPath, CancellationToken ct)
    {
        var result = await RunAsync(r, GaiaCommands.Survey(r, imported, uploadPath), ct);
        if (!result.Answered)
        {
            return new GaiaAnswer<GatewaySurvey>(null, "reading the Gaia version: " + result.Describe(), result);
        }

        var parts = CombinedAnswer.Split(result);
        CommandResult? Part(int i) => i < parts.Count ? parts[i] : null;
        var version = Read(Part(0), SimpleParsers.Version, "reading the Gaia version", result);
        var installed = Read(Part(1), PackageListParser.Parse, "listing installer packages", result);
        var importedList = imported ? Read(Part(2), PackageListParser.Parse, "listing installer packages", result) : null;
        var upload = uploadPath is null ? null : new GatewaySurvey.UploadedFile(uploadPath, Part(imported ? 3 : 2) is { } md5 ? SimpleParsers.Md5(md5.Stdout).Value : null);
        return new GaiaAnswer<GatewaySurvey>(new GatewaySurvey(version, installed, importedList, upload), version.Error, result);
    }

    private async Task<GaiaAnswer<GatewaySurvey>> SurveyOneByOneAsync(Target r, bool imported, CancellationToken ct)
    {
        var version = await VersionAsync(r, ct);
        if (version.TransportFailed)
        {
            return new GaiaAnswer<GatewaySurvey>(null, version.Error, version.Raw);
        }

        var installed = await PackagesAsync(r, PackageListing.Installed, ct);
        var importedList = imported && !installed.TransportFailed ? await PackagesAsync(r, PackageListing.Imported, ct) : null;
        var failed = installed.TransportFailed ? installed : importedList is { TransportFailed: true } ? importedList : null;
        return failed is not null
            ? new GaiaAnswer<GatewaySurvey>(null, failed.Error, failed.Raw)
            : new GaiaAnswer<GatewaySurvey>(new GatewaySurvey(version, installed, importedList, null), version.Error, version.Raw);
    }

    /// <summary>One part of a combined answer, parsed; a part missing from the answer says what the whole answer was.</summary>
    private static GaiaAnswer<T> Read<T>(CommandResult? part, Func<string, Parsed<T>> parse, string what, CommandResult whole)
        where T : class =>
        part is null
            ? new GaiaAnswer<T>(null, $"{what}: no answer ({whole.Describe()})", whole)
            : GaiaAnswer<T>.From(part, parse, what);
}
