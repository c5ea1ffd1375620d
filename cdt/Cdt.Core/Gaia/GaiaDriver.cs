using System.Collections.Concurrent;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Talks Gaia over any <see cref="IRemoteShell"/>: builds commands with <see cref="GaiaCommands"/>
/// and reads answers with the parsers. Returns values, never throws for a gateway's failure.
/// A target whose login shell is <c>auto</c> is asked once which shell it has.
/// </summary>
public sealed class GaiaDriver
{
    private readonly ConcurrentDictionary<string, LoginShell> _shells = new(StringComparer.Ordinal);

    public GaiaDriver(IRemoteShell shell, TimeSpan commandTimeout)
    {
        Shell = shell;
        CommandTimeout = commandTimeout;
    }

    public IRemoteShell Shell { get; }

    /// <summary>Time-out for short status commands; long ones (install) pass their own.</summary>
    public TimeSpan CommandTimeout { get; }

    public Task<CommandResult> RunAsync(Target t, string command, CancellationToken ct) => Shell.RunAsync(t, command, CommandTimeout, ct);

    public Task<CommandResult> RunAsync(Target t, string command, TimeSpan timeout, CancellationToken ct) => Shell.RunAsync(t, command, timeout, ct);

    /// <summary>Runs a command built for the target's real login shell (asked first for <c>shell: auto</c>).</summary>
    public async Task<CommandResult> RunAsync(Target t, Func<Target, string> command, TimeSpan timeout, CancellationToken ct)
    {
        var resolved = await ResolveShellAsync(t, ct);
        return resolved.Value is { } r ? await Shell.RunAsync(r, command(r), timeout, ct)
            : resolved.Raw is { Answered: false } failed ? failed
            : new CommandResult { ExitCode = 1, Stderr = resolved.Error ?? "the login shell could not be found" };
    }

    /// <summary>
    /// The target with its real login shell: as the inventory says, or (for <c>shell: auto</c>) as
    /// the gateway answers <see cref="GaiaCommands.DetectShell"/>. Callers that build commands
    /// themselves call this first; the methods below do it on their own.
    /// </summary>
    public async Task<GaiaAnswer<Target>> ResolveShellAsync(Target t, CancellationToken ct)
    {
        if (t.Shell != LoginShell.Auto)
        {
            return new GaiaAnswer<Target>(t, null, null);
        }

        if (_shells.TryGetValue(t.Name, out var known))
        {
            return new GaiaAnswer<Target>(t with { Shell = known }, null, null);
        }

        var result = await RunAsync(t, GaiaCommands.DetectShell, ct);
        var shell = SimpleParsers.LoginShellFrom(result);
        if (shell.Value is not { } found)
        {
            return new GaiaAnswer<Target>(null, "finding the login shell: " + (result.Answered ? shell.Error : result.Describe()), result);
        }

        _shells[t.Name] = found.Shell;
        return new GaiaAnswer<Target>(t with { Shell = found.Shell }, null, result);
    }

    public Task<GaiaAnswer<string>> VersionAsync(Target t, CancellationToken ct) =>
        AskAsync(t, GaiaCommands.Version, SimpleParsers.Version, "reading the Gaia version", ct);

    public Task<GaiaAnswer<IReadOnlyList<InstallerPackage>>> PackagesAsync(Target t, PackageListing listing, CancellationToken ct) =>
        AskAsync(t, r => GaiaCommands.ShowPackages(r, listing), PackageListParser.Parse, "listing installer packages", ct);

    public Task<GaiaAnswer<string>> PackageStatusAsync(Target t, string name, CancellationToken ct) =>
        AskAsync(t, r => GaiaCommands.ShowPackage(r, name), SimpleParsers.PackageStatus, "reading the package status", ct);

    public Task<GaiaAnswer<ClusterState>> ClusterStateAsync(Target t, CancellationToken ct) =>
        AskAsync(t, GaiaCommands.ClusterState, ClusterStateParser.Parse, "reading the cluster state", ct);

    public Task<GaiaAnswer<SimpleParsers.VrrpSummary>> VrrpAsync(Target t, CancellationToken ct) =>
        AskAsync(t, GaiaCommands.VrrpState, SimpleParsers.Vrrp, "reading the VRRP state", ct);

    public Task<GaiaAnswer<string>> Md5Async(Target t, string remotePath, CancellationToken ct) =>
        AskAsync(t, r => GaiaCommands.Md5(r, remotePath), SimpleParsers.Md5, "checking the file checksum", ct);

    /// <summary>
    /// Looks for a package in one CPUSE listing by its configured name, else its file name (listings
    /// show either); the entry found carries the name CPUSE uses for it.
    /// </summary>
    public async Task<GaiaAnswer<PackageSearch>> FindPackageAsync(Target t, PackageListing listing, string name, string? fileName, CancellationToken ct)
    {
        var list = await PackagesAsync(t, listing, ct);
        return list.Value is { } packages
            ? new GaiaAnswer<PackageSearch>(new PackageSearch(PackageListParser.Find(packages, name, fileName), packages.Count), null, list.Raw)
            : new GaiaAnswer<PackageSearch>(null, list.Error, list.Raw);
    }

    /// <summary>
    /// The name CPUSE gave an imported package, as <c>show installer packages imported</c> shows it:
    /// the configured name, else the file name. verify and install need exactly that name.
    /// </summary>
    public async Task<GaiaAnswer<string>> ImportedNameAsync(Target t, string name, string fileName, CancellationToken ct)
    {
        var imported = await FindPackageAsync(t, PackageListing.Imported, name, fileName, ct);
        if (imported.Value is not { } search)
        {
            return new GaiaAnswer<string>(null, imported.Error, imported.Raw);
        }

        return search.Entry is { } found
            ? new GaiaAnswer<string>(found.Name, null, imported.Raw)
            : new GaiaAnswer<string>(null, $"neither '{name}' nor '{fileName}' is among the {search.Listed} imported packages; import it first", imported.Raw);
    }

    public async Task<GaiaAnswer<VerifyParser.Verdict>> VerifyAsync(Target t, string name, CancellationToken ct)
    {
        var resolved = await ResolveShellAsync(t, ct);
        if (resolved.Value is not { } r)
        {
            return new GaiaAnswer<VerifyParser.Verdict>(null, resolved.Error, resolved.Raw);
        }

        var result = await RunAsync(r, GaiaCommands.Verify(r, name), ct);
        if (!result.Answered)
        {
            return new GaiaAnswer<VerifyParser.Verdict>(null, "verifying the package: " + result.Describe(), result);
        }

        // A refusal exits non-zero, and its text is the answer: parse whatever the exit code.
        var parsed = VerifyParser.Parse(result.Stdout + "\n" + result.Stderr);
        return parsed.Ok
            ? new GaiaAnswer<VerifyParser.Verdict>(parsed.Value, null, result)
            : new GaiaAnswer<VerifyParser.Verdict>(null, "verifying the package: " + parsed.Error, result);
    }

    private async Task<GaiaAnswer<T>> AskAsync<T>(Target t, Func<Target, string> command, Func<string, Parsed<T>> parse, string what, CancellationToken ct)
        where T : class
    {
        var resolved = await ResolveShellAsync(t, ct);
        if (resolved.Value is not { } r)
        {
            return new GaiaAnswer<T>(null, resolved.Error, resolved.Raw);
        }

        return GaiaAnswer<T>.From(await RunAsync(r, command(r), ct), parse, what);
    }
}
