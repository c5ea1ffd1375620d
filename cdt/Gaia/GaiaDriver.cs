using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Talks Gaia over any <see cref="IRemoteShell"/>: builds commands with <see cref="GaiaCommands"/>
/// and reads answers with the parsers. Returns values, never throws for a gateway's failure.
/// </summary>
public sealed class GaiaDriver
{
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

    public async Task<GaiaAnswer<string>> VersionAsync(Target t, CancellationToken ct) =>
        GaiaAnswer<string>.From(await RunAsync(t, GaiaCommands.Version(t), ct), SimpleParsers.Version, "reading the Gaia version");

    public async Task<GaiaAnswer<IReadOnlyList<InstallerPackage>>> PackagesAsync(Target t, PackageListing listing, CancellationToken ct) =>
        GaiaAnswer<IReadOnlyList<InstallerPackage>>.From(await RunAsync(t, GaiaCommands.ShowPackages(t, listing), ct), PackageListParser.Parse, "listing installer packages");

    public async Task<GaiaAnswer<string>> PackageStatusAsync(Target t, string name, CancellationToken ct) =>
        GaiaAnswer<string>.From(await RunAsync(t, GaiaCommands.ShowPackage(t, name), ct), SimpleParsers.PackageStatus, "reading the package status");

    public async Task<GaiaAnswer<ClusterState>> ClusterStateAsync(Target t, CancellationToken ct) =>
        GaiaAnswer<ClusterState>.From(await RunAsync(t, GaiaCommands.ClusterState(t), ct), ClusterStateParser.Parse, "reading the cluster state");

    public async Task<GaiaAnswer<SimpleParsers.VrrpSummary>> VrrpAsync(Target t, CancellationToken ct) =>
        GaiaAnswer<SimpleParsers.VrrpSummary>.From(await RunAsync(t, GaiaCommands.VrrpState(t), ct), SimpleParsers.Vrrp, "reading the VRRP state");

    public async Task<GaiaAnswer<string>> Md5Async(Target t, string remotePath, CancellationToken ct) =>
        GaiaAnswer<string>.From(await RunAsync(t, GaiaCommands.Md5(t, remotePath), ct), SimpleParsers.Md5, "checking the file checksum");

    public async Task<GaiaAnswer<VerifyParser.Verdict>> VerifyAsync(Target t, string name, CancellationToken ct)
    {
        var result = await RunAsync(t, GaiaCommands.Verify(t, name), ct);
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
}
