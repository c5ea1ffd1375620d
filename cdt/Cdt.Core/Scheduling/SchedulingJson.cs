using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cdt.Scheduling;

/// <summary>
/// The serializer for state and lock files. Admins read them: '+' in offsets and quotes in
/// reasons stay as they are instead of \u002B escapes (these files never reach a browser).
/// </summary>
internal static class SchedulingJson
{
    public static readonly SchedulingJsonContext Readable =
        new(new JsonSerializerOptions(SchedulingJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
