using System.Text;

namespace Cdt.Simulation;

/// <summary>
/// A strict reading of a POSIX shell command line, enough for the commands cdt sends: words,
/// quotes, <c>;</c> <c>&amp;&amp;</c> <c>||</c>, and redirections to <c>/dev/null</c>. Anything a shell
/// would expand or run on its own (<c>$</c>, backticks, pipes, subshells, other redirections) is
/// refused: this is how the simulator notices a value that escaped its quoting.
/// </summary>
public static class ShellLexer
{
    /// <summary>A simple command, the connector after it, and whether its output is thrown away (<c>&gt;/dev/null</c>).</summary>
    public sealed record Step(IReadOnlyList<string> Words, string Connector, bool DropStdout = false, bool DropStderr = false);

    public static bool TryParse(string line, out List<Step> steps, out string error)
    {
        var result = new List<Step>();
        steps = result;
        error = string.Empty;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var dropOut = false;
        var dropErr = false;
        var i = 0;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        bool EndStep(string connector, out string err)
        {
            EndWord();
            err = string.Empty;
            if (words.Count == 0)
            {
                err = $"empty command before '{connector}'";
                return false;
            }

            result.Add(new Step([.. words], connector, dropOut, dropErr));
            words.Clear();
            dropOut = dropErr = false;
            return true;
        }

        while (i < line.Length)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t':
                    EndWord();
                    i++;
                    break;
                case '\'':
                    {
                        var end = line.IndexOf('\'', i + 1);
                        if (end < 0)
                        {
                            error = "unterminated single quote";
                            return false;
                        }

                        word.Append(line, i + 1, end - i - 1);
                        inWord = true;
                        i = end + 1;
                        break;
                    }

                case '"':
                    {
                        i++;
                        inWord = true;
                        while (true)
                        {
                            if (i >= line.Length)
                            {
                                error = "unterminated double quote";
                                return false;
                            }

                            var d = line[i];
                            if (d == '"')
                            {
                                i++;
                                break;
                            }

                            if (d is '$' or '`')
                            {
                                error = $"expansion '{d}' inside double quotes";
                                return false;
                            }

                            if (d == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                            {
                                word.Append(line[i + 1]);
                                i += 2;
                                continue;
                            }

                            word.Append(d);
                            i++;
                        }

                        break;
                    }

                case '\\':
                    if (i + 1 >= line.Length)
                    {
                        error = "trailing backslash";
                        return false;
                    }

                    word.Append(line[i + 1]);
                    inWord = true;
                    i += 2;
                    break;
                case ';' or '\n':
                    if (!EndStep(";", out error))
                    {
                        return false;
                    }

                    i++;
                    break;
                case '&' when i + 1 < line.Length && line[i + 1] == '&':
                    if (!EndStep("&&", out error))
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case '|' when i + 1 < line.Length && line[i + 1] == '|':
                    if (!EndStep("||", out error))
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case '>' or '<' or '&' when IsDigitWord(word, inWord) || !inWord:
                    {
                        if (!TryRedirection(line, ref i, word, ref inWord, ref dropOut, ref dropErr, out error))
                        {
                            return false;
                        }

                        break;
                    }

                case '$' or '`' or '|' or '&' or '(' or ')' or '<' or '>':
                    error = $"shell syntax '{c}' is not something cdt sends";
                    return false;
                default:
                    word.Append(c);
                    inWord = true;
                    i++;
                    break;
            }
        }

        EndWord();
        if (words.Count > 0)
        {
            steps.Add(new Step([.. words], string.Empty, dropOut, dropErr));
        }

        if (steps.Count == 0)
        {
            error = "empty command";
            return false;
        }

        return true;
    }

    private static bool IsDigitWord(StringBuilder word, bool inWord) => inWord && word.Length == 1 && char.IsAsciiDigit(word[0]);

    /// <summary>Accepts only <c>&gt;/dev/null</c>, <c>N&gt;/dev/null</c> and <c>2&gt;&amp;1</c>: output thrown away or merged, nothing written.</summary>
    private static bool TryRedirection(string line, ref int i, StringBuilder word, ref bool inWord, ref bool dropOut, ref bool dropErr, out string error)
    {
        error = string.Empty;
        if (line[i] == '&')
        {
            error = "background '&' is not something cdt sends";
            return false;
        }

        var fd = inWord ? word[0] - '0' : 1;
        var rest = line[i..];
        foreach (var (text, target) in new[] { (">/dev/null", "null"), ("> /dev/null", "null"), (">&1", "out"), (">&2", "err") })
        {
            if (!rest.StartsWith(text, StringComparison.Ordinal))
            {
                continue;
            }

            switch (fd, target)
            {
                case (1, "null"):
                    dropOut = true;
                    break;
                case (2, "null"):
                    dropErr = true;
                    break;
                case (2, "out"):
                    dropErr = dropOut;
                    break;
            }

            word.Clear();
            inWord = false;
            i += text.Length;
            return true;
        }

        error = "redirection other than to /dev/null is not something cdt sends";
        return false;
    }
}
