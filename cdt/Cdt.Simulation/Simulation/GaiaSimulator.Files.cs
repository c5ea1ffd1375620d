using System.Security.Cryptography;
using System.Text;

namespace Cdt.Simulation;

/// <summary>The file half of the simulated gateway: what <c>openssl enc -d -base64</c> makes of a file put through the management server.</summary>
public sealed partial class GaiaSimulator
{
    /// <summary>Decodes the base64 text of <paramref name="input"/> into <paramref name="output"/>, as <c>openssl enc -d -base64 -A -in IN -out OUT</c>.</summary>
    private static SimReply DecodeBase64(SimGateway g, string input, string output)
    {
        if (g.ReadFile(input) is not { } text)
        {
            return SimReply.Fail(1, $"Can't open {input} for reading, No such file or directory\n");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Encoding.ASCII.GetString(text));
        }
        catch (FormatException)
        {
            return SimReply.Fail(1, "error reading input file\n");
        }

        g.Files[output] = new SimFile { Md5 = Convert.ToHexStringLower(MD5.HashData(bytes)), Size = bytes.Length, Content = bytes };
        return SimReply.Ok();
    }
}
