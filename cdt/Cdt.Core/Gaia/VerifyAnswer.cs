namespace Cdt.Gaia;

/// <summary>The verify's verdict, and the package's status read in the same round trip (null when it was not asked).</summary>
public sealed record VerifyAnswer(VerifyParser.Verdict Verdict, GaiaAnswer<string>? Status);
