using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cdt.Reporting;

/// <summary>
/// Lines that scroll by above a live display. Spectre writes them from the display's first line
/// on; that line is erased first, with everything below it, because a line shorter than the
/// display's would otherwise keep the display's tail.
/// </summary>
public sealed class LinesAbove(IReadOnlyList<string> lines) : Renderable
{
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        IRenderable erase = ControlCode.Create(options.Capabilities, w => w.EraseInDisplay(0));
        IRenderable text = new Text(string.Concat(lines.Select(l => l + "\n")));
        return erase.Render(options, maxWidth).Concat(text.Render(options, maxWidth));
    }
}
