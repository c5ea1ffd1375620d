namespace Cdt.Plans;

/// <summary><c>push_file</c>: copies a file from this machine to an absolute path on the target (a path ending in '/' is a folder).</summary>
public sealed record PushFileAction : PlanAction
{
    public override string ActionName => "push_file";

    public required LocalFile Local { get; init; }

    public required string Remote { get; init; }

    /// <summary>The full remote file path: <see cref="Remote"/>, plus the local file name when it names a folder.</summary>
    public string RemoteFilePath => Remote.EndsWith('/') ? Remote + Local.FileName : Remote;

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(10);
}
