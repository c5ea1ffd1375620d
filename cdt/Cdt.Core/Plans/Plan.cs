using Cdt.Config;

namespace Cdt.Plans;

/// <summary>A deployment plan (Advanced mode): settings and the actions run in order on every target.</summary>
public sealed record Plan
{
    /// <summary>The plan file, as given.</summary>
    public required string Path { get; init; }

    public required PlanFormat Format { get; init; }

    public required PlanSettings Settings { get; init; }

    public required IReadOnlyList<PlanAction> Actions { get; init; }

    /// <summary>The first action that names a package file: it decides eligibility at generate time, as in CDT.</summary>
    public PackageAction? FirstPackageAction => Actions.OfType<PackageAction>().FirstOrDefault();

    /// <summary>The first uninstall action, for a plan that installs nothing: its list holds the gateways that have that package.</summary>
    public UninstallPackageAction? FirstUninstallAction => Actions.OfType<UninstallPackageAction>().FirstOrDefault();

    /// <summary>
    /// What generate decides eligibility with: the first package to install (gateways without it);
    /// for a plan that installs none, the first package it uninstalls (gateways that have it).
    /// </summary>
    public (PackageSpec Package, bool Uninstall) RequireListPackage() => (FirstPackageAction, FirstUninstallAction) switch
    {
        (null, { } u) => (new PackageSpec { Path = u.WrittenPath ?? u.PackageName, Name = u.PackageName, Versions = [] }, true),
        (null, null) => throw NoPackage("uninstall_package"),
        _ => (RequireFirstPackage(), false),
    };

    /// <summary>The package generate decides eligibility with; a plan without one cannot generate a list.</summary>
    public PackageSpec RequireFirstPackage()
    {
        var first = FirstPackageAction ?? throw NoPackage();
        var spec = first.ToSpec();
        if (spec.Versions.Count == 0)
        {
            var at = first.PositionOf(PlanVocabulary.PathKey);
            throw new Diagnostics.CdtInputException(Path, at.Line, at.Column, NoVersionsMessage(first));
        }

        return spec;
    }

    private Diagnostics.CdtInputException NoPackage(params string[] alsoAccepted) => new(Path, 1, 1,
        "the plan has no package action (" + string.Join(", ", [.. PlanVocabulary.PackageActionNames, .. alsoAccepted]) + "): generate needs one to decide eligibility");

    public static string NoVersionsMessage(PackageAction action) =>
        $"{action.ActionName}: add 'versions' (cannot tell which Gaia versions '{action.File.FileName}' applies to from its name)";
}
