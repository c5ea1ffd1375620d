using System.Collections.Concurrent;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Talks Gaia over any <see cref="IRemoteShell"/>: builds commands with <see cref="GaiaCommands"/>
/// and reads answers with the parsers. Returns values, never throws for a gateway's failure.
/// A target whose login shell is <c>auto</c> is asked once which shell it has.
/// </summary>
public sealed partial class GaiaDriver
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

    /// <summary>
    /// A health snapshot: one command on an Expert login; on a Clish login, which cannot join
    /// commands or run Expert ones, only the cluster state and the route count (two round trips).
    /// Fails only when the gateway does not answer at all.
    /// </summary>
    public async Task<GaiaAnswer<Health.HealthSnapshot>> HealthAsync(Target t, CancellationToken ct)
    {
        var resolved = await ResolveShellAsync(t, ct);
        if (resolved.Value is not { } r)
        {
            return new GaiaAnswer<Health.HealthSnapshot>(null, resolved.Error, resolved.Raw);
        }

        if (r.Shell != LoginShell.Clish)
        {
            var result = await RunAsync(r, GaiaCommands.HealthSnapshotCommand(r), ct);
            return result.Answered
                ? new GaiaAnswer<Health.HealthSnapshot>(Health.HealthReader.Read(result.Stdout, result.Stderr), null, result)
                : new GaiaAnswer<Health.HealthSnapshot>(null, "taking a health snapshot: " + result.Describe(), result);
        }

        var cluster = await RunAsync(r, GaiaCommands.ClusterState(r), ct);
        if (!cluster.Answered)
        {
            return new GaiaAnswer<Health.HealthSnapshot>(null, "taking a health snapshot: " + cluster.Describe(), cluster);
        }

        var routes = await RunAsync(r, GaiaCommands.RouteSummary(r), ct);
        var unread = new Dictionary<string, string>(StringComparer.Ordinal);
        const string ExpertOnly = "not read: the login shell is Clish, and this needs Expert mode";
        foreach (var part in new[] { Health.HealthSnapshot.PolicyPart, Health.HealthSnapshot.InterfacesPart, Health.HealthSnapshot.ProcessesPart, Health.HealthSnapshot.LicencesPart })
        {
            unread[part] = ExpertOnly;
        }

        var clusterHealth = Health.HealthReader.ReadCluster(cluster.Stdout + cluster.Stderr, unread);
        var routeCount = Health.HealthParsers.Routes(routes.Stdout);
        if (!routeCount.Ok)
        {
            unread[Health.HealthSnapshot.RoutesPart] = routes.Answered ? routeCount.Error! : routes.Describe();
        }

        return new GaiaAnswer<Health.HealthSnapshot>(new Health.HealthSnapshot { Cluster = clusterHealth, Routes = routeCount.Value, Unread = unread }, null, routes);
    }

    public Task<GaiaAnswer<string>> Md5Async(Target t, string remotePath, CancellationToken ct) =>
        AskAsync(t, r => GaiaCommands.Md5(r, remotePath), SimpleParsers.Md5, "checking the file checksum", ct);

    /// <summary>
    /// Looks for a package in one CPUSE listing by its configured name, else its file name (listings
    /// show either); the entry found carries the name CPUSE uses for it.
    /// </summary>
    public async Task<GaiaAnswer<PackageSearch>> FindPackageAsync(Target t, PackageListing listing, string name, string? fileName, CancellationToken ct) =>
        Search(await PackagesAsync(t, listing, ct), name, fileName);

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

        return Verdict(await RunAsync(r, GaiaCommands.Verify(r, name), ct));
    }

    /// <summary>A refusal exits non-zero, and its text is the answer: parsed whatever the exit code.</summary>
    private static GaiaAnswer<VerifyParser.Verdict> Verdict(CommandResult result)
    {
        if (!result.Answered)
        {
            return new GaiaAnswer<VerifyParser.Verdict>(null, "verifying the package: " + result.Describe(), result);
        }

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
