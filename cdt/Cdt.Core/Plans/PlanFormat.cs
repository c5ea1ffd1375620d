namespace Cdt.Plans;

/// <summary>The two plan formats: cdt's YAML and the real CDT's XML.</summary>
public enum PlanFormat
{
    Yaml,
    CdtXml,
}
