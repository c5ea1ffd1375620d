using System.Globalization;
using System.Text;

namespace Cdt.Management;

/// <summary>
/// What cdt sends as a <c>run-script</c> script, and how it reads the exit status back: the task's
/// status only says succeeded or failed, so the script's last line prints the command's exit status
/// on a line of its own. Output without that line means the script never got to its end (cut by
/// the server, or the gateway went away): the command's fate is unknown, as after a dropped connection.
/// </summary>
public static class ScriptFraming
{
    private const string Marker = "cdt-exit:";

    private static readonly byte[] MarkerBytes = Encoding.ASCII.GetBytes("\n" + Marker);

    /// <summary>The script for one command line (already built from checked, quoted values).</summary>
    public static string Wrap(string command) => command + "\nprintf '\\n" + Marker + "%d\\n' \"$?\"\n";

    /// <summary>The command's own output and its exit status; null status when the status line is missing or malformed.</summary>
    public static (byte[] Output, int? Exit) Split(byte[] output)
    {
        var end = output.Length;
        if (end > 0 && output[end - 1] == (byte)'\n')
        {
            end--;
        }

        var at = output.AsSpan(0, end).LastIndexOf(MarkerBytes);
        if (at < 0)
        {
            return (output, null);
        }

        var digits = Encoding.ASCII.GetString(output, at + MarkerBytes.Length, end - at - MarkerBytes.Length);
        return digits.Length is > 0 and <= 3 && digits.All(char.IsAsciiDigit)
            ? (output[..at], int.Parse(digits, CultureInfo.InvariantCulture))
            : (output, null);
    }
}
