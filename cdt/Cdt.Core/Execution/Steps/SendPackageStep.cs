using System.Security.Cryptography;
using Cdt.Gaia;

using Cdt.Storage;

namespace Cdt.Execution.Steps;

/// <summary>
/// Sends the package to /var/log/upload/, unless the same file (same MD5) is already there (as the
/// check saw it, else asked), and checks the checksum on the far side after sending.
/// </summary>
public sealed class SendPackageStep : ITargetStep
{
    public string Name => "send";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var package = c.Run.Package!;
        if (c.AlreadyInstalled)
        {
            return StepResult.Skipped("package already installed");
        }

        if (!c.Run.Files.FileExists(package.Path))
        {
            return StepResult.Failed($"the package file {package.Path} does not exist on this machine");
        }

        var remote = GaiaCommands.UploadFolder + "/" + RemoteValues.RequireFileName(package.FileName);
        var local = c.Run.LocalChecksums.GetOrAdd(package.Path, p => Md5Of(c.Run.Files, p));
        var checkable = c.Remote.Shell == Fleet.LoginShell.Expert;
        if (checkable)
        {
            string? there;
            if (c.Survey?.Upload is { } seen && seen.Path == remote)
            {
                there = seen.Md5;
            }
            else
            {
                var asked = await c.Driver.Md5Async(c.Remote, remote, ct);
                if (asked.TransportFailed)
                {
                    return StepResult.Failed(asked.Error!);
                }

                there = asked.Value;
            }

            if (there == local)
            {
                return StepResult.Skipped("already on the gateway (same MD5)");
            }
        }

        var sent = await c.Driver.Shell.SendFileAsync(c.Remote, package.Path, remote, c.Run.Settings.TransferTimeout, ct);
        c.Log($"send {package.Path} -> {remote}: {sent.Describe()}");
        if (!sent.Succeeded)
        {
            return StepResult.Failed("sending the package: " + sent.Describe());
        }

        if (!checkable)
        {
            return StepResult.Ok("sent (Clish login: the checksum is checked by the import)");
        }

        if (c.Driver.Shell.ChecksSentFiles)
        {
            return StepResult.Ok("sent, MD5 " + local);
        }

        var after = await c.Driver.Md5Async(c.Remote, remote, ct);
        return after.Value == local
            ? StepResult.Ok("sent, MD5 " + local)
            : StepResult.Failed($"checksum mismatch after sending: local {local}, gateway {after.Value ?? after.Error}");
    }

    public static string Md5Of(IFileStore files, string path)
    {
        using var stream = files.OpenRead(path);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
}
