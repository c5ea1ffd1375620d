using Cdt.Config;

namespace Cdt.Plans;

/// <summary>The first package action of a plan file (YAML or CDT XML): what decides eligibility in Advanced mode.</summary>
public static class FirstPackageReader
{
    /// <summary>Reads the plan (every structural problem at once) and gives its first package.</summary>
    public static PackageSpec Read(string planPath) => PlanLoader.Load(planPath).RequireFirstPackage();
}
