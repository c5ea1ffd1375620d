using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>Golden files of the plan tests, named explicitly, under Plans/Approved/.</summary>
public static class Golden
{
    public static void ShouldMatchGolden(this string text, string name) =>
        text.ShouldMatchApproved(c => c
            .SubFolder("Approved")
            .WithFilenameGenerator((_, _, type, extension) => $"{name}.{type}.{extension}")
            .NoDiff());
}
