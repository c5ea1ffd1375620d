using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cdt.Locking;

/// <summary>Lock files are read by admins: '+' in offsets stays as it is instead of \u002B.</summary>
internal static class LockingJson
{
    public static readonly LockingJsonContext Readable =
        new(new JsonSerializerOptions(LockingJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
