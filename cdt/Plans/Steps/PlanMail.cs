namespace Cdt.Plans.Steps;

/// <summary>A mail a plan's <c>send_email</c> asks for, handed to the mail port of the run.</summary>
public sealed record PlanMail(IReadOnlyList<string> To, string Subject, string Body);
