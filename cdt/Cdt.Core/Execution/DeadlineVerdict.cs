namespace Cdt.Execution;

/// <summary>What the deadline says about starting a batch now.</summary>
public enum DeadlineVerdict
{
    /// <summary>No deadline, or the batch fits before it.</summary>
    Starts,

    /// <summary>The deadline has been reached: nothing new starts.</summary>
    Passed,

    /// <summary>Under the <c>predict</c> policy: the batch's estimate would end after the deadline.</summary>
    WouldEndAfter,
}
