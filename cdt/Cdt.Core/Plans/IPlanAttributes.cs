namespace Cdt.Plans;

/// <summary>
/// The attributes of one action as either format wrote them (a YAML mapping, an XML element),
/// asked for by their YAML names. Problems are collected with their position, never thrown.
/// </summary>
public interface IPlanAttributes
{
    PlanPosition Position { get; }

    /// <summary>Where each attribute present was written, by its YAML name.</summary>
    IReadOnlyDictionary<string, PlanPosition> Positions { get; }

    /// <summary>How the file names a key (XML says <c>iscritical</c> for <c>critical</c>).</summary>
    string Spelling(string key);

    bool Has(string key);

    string? String(string key, bool required = false);

    bool? Bool(string key);

    int? Int(string key, int min, int max);

    TimeSpan? Duration(string key);

    /// <summary>A list: a YAML sequence; in XML, values separated by commas (arguments: by spaces).</summary>
    IReadOnlyList<string> List(string key);

    /// <summary>A problem at the attribute's value, or at the action when the attribute is absent.</summary>
    void Error(string? key, string message);

    /// <summary>Reports every attribute not in <paramref name="allowed"/>.</summary>
    void RejectUnknown(IReadOnlyList<string> allowed, string actionName);
}
