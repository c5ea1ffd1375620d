namespace Cdt.Config;

/// <summary>What a health regression does (<c>health.on_regression</c>).</summary>
public enum RegressionPolicy
{
    /// <summary>The target fails; a cluster's failover does not go on.</summary>
    Fail,

    /// <summary>The findings are recorded and reported; the target goes on.</summary>
    Warn,
}
