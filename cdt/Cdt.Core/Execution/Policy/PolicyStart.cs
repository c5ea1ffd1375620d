using System.Diagnostics.CodeAnalysis;

namespace Cdt.Execution.Policy;

/// <summary>What starting an installation gave: a task to follow (and the package it installs), or the server's refusal.</summary>
public sealed record PolicyStart
{
    private PolicyStart(string? taskId, string? package, string? refusal) => (TaskId, Package, Refusal) = (taskId, package, refusal);

    public string? TaskId { get; }

    /// <summary>The policy package being installed, for messages.</summary>
    public string? Package { get; }

    /// <summary>Why nothing was started (one line naming the server and the call).</summary>
    public string? Refusal { get; }

    [MemberNotNullWhen(true, nameof(TaskId), nameof(Package))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Started => TaskId is not null && Package is not null;

    public static PolicyStart Of(string taskId, string package) => new(taskId, package, null);

    public static PolicyStart Refused(string why) => new(null, null, why);
}
