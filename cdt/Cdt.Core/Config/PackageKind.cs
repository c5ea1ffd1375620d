namespace Cdt.Config;

public enum PackageKind
{
    Hotfix,
    Upgrade,
}
