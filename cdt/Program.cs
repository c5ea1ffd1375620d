using Cdt.Cli;

return await CdtApp.RunAsync(args, CliContext.FromConsole());
