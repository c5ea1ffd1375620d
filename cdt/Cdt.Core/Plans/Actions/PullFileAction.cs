namespace Cdt.Plans;

/// <summary><c>pull_file</c>: copies a file from the target into the run's folder, one sub-folder per target.</summary>
public sealed record PullFileAction : PlanAction
{
    public override string ActionName => "pull_file";

    public required string Remote { get; init; }

    public string FileName => Remote[(Remote.LastIndexOf('/') + 1)..];

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(10);
}
