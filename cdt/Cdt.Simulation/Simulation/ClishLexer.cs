using System.Text;

namespace Cdt.Simulation;

/// <summary>How the simulated Clish splits a command line into words.</summary>
public static class ClishLexer
{
    /// <summary>Clish words: whitespace-separated, double quotes group words; anything shell-like is refused.</summary>
    public static List<string>? Words(string command)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in command)
        {
            if (c is ';' or '|' or '`' or '$' or '&' or '\n' or '\r' or '\'' or '<' or '>')
            {
                return null;
            }

            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord)
                {
                    words.Add(sb.ToString());
                    sb.Clear();
                    inWord = false;
                }
            }
            else
            {
                sb.Append(c);
                inWord = true;
            }
        }

        if (quoted)
        {
            return null;
        }

        if (inWord)
        {
            words.Add(sb.ToString());
        }

        return words;
    }
}
