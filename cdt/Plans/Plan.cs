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

    /// <summary>The package generate decides eligibility with; a plan without one cannot generate a list.</summary>
    public PackageSpec RequireFirstPackage()
    {
        var first = FirstPackageAction ?? throw new Files.CdtInputException(Path, 1, 1,
            "the plan has no package action (" + string.Join(", ", PlanVocabulary.PackageActionNames) + "): generate needs one to decide eligibility");
        var spec = first.ToSpec();
        if (spec.Versions.Count == 0)
        {
            var at = first.PositionOf(PlanVocabulary.PathKey);
            throw new Files.CdtInputException(Path, at.Line, at.Column, NoVersionsMessage(first));
        }

        return spec;
    }

    public static string NoVersionsMessage(PackageAction action) =>
        $"{action.ActionName}: add 'versions' (cannot tell which Gaia versions '{action.File.FileName}' applies to from its name)";
}
