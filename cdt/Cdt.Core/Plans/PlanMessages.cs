namespace Cdt.Plans;

/// <summary>Wording shared by both readers, so a YAML and an XML plan get the same advice.</summary>
public static class PlanMessages
{
    public static string UnknownAttribute(string key, string actionName, IReadOnlyList<string> allowed, PlanFormat format)
    {
        var names = allowed.Select(a => Spell(a, format)).ToList();
        var hint = (key, format) switch
        {
            (PlanVocabulary.CriticalKey or PlanVocabulary.XmlCriticalKey, _) when actionName is "send_email" or "log" =>
                $" ({actionName} never stops a deployment, so it cannot be critical)",
            (PlanVocabulary.XmlCriticalKey, PlanFormat.Yaml) => " (YAML plans say 'critical')",
            (PlanVocabulary.CriticalKey, PlanFormat.CdtXml) => " (CDT XML plans say 'iscritical')",
            _ => string.Empty,
        };
        return names.Count == 0
            ? $"unknown attribute '{key}': {actionName} takes none{hint}"
            : $"unknown attribute '{key}'{hint}; {actionName} takes {string.Join(", ", names)}";
    }

    public static string UnknownAction(string name)
    {
        var near = PlanVocabulary.Nearest(name);
        return $"unknown action '{name}'" + (near is null ? string.Empty : $" (did you mean '{near}'?)")
            + "; known actions: " + string.Join(", ", PlanVocabulary.ActionNames);
    }

    public static string Spell(string key, PlanFormat format) =>
        format == PlanFormat.CdtXml && key == PlanVocabulary.CriticalKey ? PlanVocabulary.XmlCriticalKey : key;
}
