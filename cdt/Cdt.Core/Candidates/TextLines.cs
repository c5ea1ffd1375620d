namespace Cdt.Candidates;

/// <summary>The lines of a text split on LF, CRLF or a lone CR, as ranges: no string per line.</summary>
public readonly ref struct TextLines(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;

    public Enumerator GetEnumerator() => new(_text);

    public ref struct Enumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _pos;

        public Range Current { get; private set; }

        public bool MoveNext()
        {
            if (_pos > _text.Length || (_pos == _text.Length && (_pos == 0 || _text[_pos - 1] is '\n' or '\r')))
            {
                return false;
            }

            var end = _text[_pos..].IndexOfAny('\r', '\n');
            if (end < 0)
            {
                Current = _pos.._text.Length;
                _pos = _text.Length + 1;
                return true;
            }

            end += _pos;
            Current = _pos..end;
            _pos = end + (_text[end] == '\r' && end + 1 < _text.Length && _text[end + 1] == '\n' ? 2 : 1);
            return true;
        }
    }
}
