using System.Runtime.CompilerServices;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Support;

/// <summary>
/// The one way a test compares text with a committed golden file: <c>Approved/&lt;name&gt;.approved.&lt;extension&gt;</c>
/// beside the calling source file, compared without starting a diff tool (a mismatch leaves a .received file there).
/// </summary>
public static class Golden
{
    private const string Folder = "Approved";

    /// <summary>Compares with the golden file of the given name.</summary>
    public static void ShouldMatchGolden(this string text, string name, string extension = "txt", [CallerFilePath] string caller = "") =>
        // The folder comes from the caller's path: Shouldly's own guess would find this helper's file, not the test's.
        text.ShouldMatchApproved(c => c
            .SubFolder(Path.Combine(Path.GetDirectoryName(caller)!, Folder))
            .WithFileExtension(extension)
            .WithFilenameGenerator((_, _, type, ext) => $"{name}.{type}.{ext}")
            .NoDiff());

    /// <summary>Compares with the golden file named after the running test: <c>Class.Method[.discriminator]</c>.</summary>
    public static void ShouldMatchTestGolden(this string text, string? discriminator = null, string extension = "txt", [CallerFilePath] string caller = "")
    {
        var test = TestContext.CurrentContext.Test;
        var name = test.ClassName![(test.ClassName!.LastIndexOf('.') + 1)..] + "." + test.MethodName + (discriminator is null ? string.Empty : "." + discriminator);
        text.ShouldMatchGolden(name, extension, caller);
    }
}
