namespace Cdt.Transport.OpenSsh;

/// <summary>
/// One gateway's shared SSH connection (the ControlMaster): opened once, on first use, and again
/// only after it died (a reboot). The lock keeps concurrent first commands from opening two.
/// </summary>
public sealed class SshConnection : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SshConnection(Target target, string controlPath)
    {
        Target = target;
        ControlPath = controlPath;
    }

    public Target Target { get; }

    public string ControlPath { get; }

    /// <summary>How many times a shared connection was opened (1 in a run without reboots).</summary>
    public int Opened { get; private set; }

    /// <summary>The master removes its socket when it ends, so the socket's presence says it is alive.</summary>
    public bool IsOpen => File.Exists(ControlPath);

    /// <summary>Runs <paramref name="open"/> unless the connection is already up; returns its failure, or null.</summary>
    public async Task<CommandResult?> EnsureOpenAsync(Func<Task<CommandResult>> open, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (IsOpen)
            {
                return null;
            }

            var result = await open();
            if (result.Succeeded)
            {
                Opened++;
                return null;
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
