namespace Cdt.Config;

public enum TransportKind
{
    Simulator,
}
