using System.Xml;

namespace Cdt.Plans;

/// <summary>Line and column of XML nodes, pointing at the first character an editor shows.</summary>
public static class XmlPositions
{
    /// <summary>
    /// An element's position is reported at its name; the '&lt;' before it is one column left,
    /// which is where an editor puts the cursor for "the element".
    /// </summary>
    public static PlanPosition Of(System.Xml.Linq.XElement element)
    {
        var info = (IXmlLineInfo)element;
        return info.HasLineInfo() ? new PlanPosition(info.LineNumber, Math.Max(1, info.LinePosition - 1)) : new PlanPosition(1, 1);
    }

    public static PlanPosition Of(System.Xml.Linq.XAttribute attribute)
    {
        var info = (IXmlLineInfo)attribute;
        return info.HasLineInfo() ? new PlanPosition(info.LineNumber, info.LinePosition) : new PlanPosition(1, 1);
    }
}
