namespace Cdt.Config;

public enum DeadlinePolicy
{
    /// <summary>No batch starts at or after the deadline.</summary>
    Strict,

    /// <summary>Also, no batch starts whose estimated duration would end after the deadline.</summary>
    Predict,
}
