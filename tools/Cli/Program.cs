using System.CommandLine;
using Platform.Cli.Commands;

var root = new RootCommand("platform: command-line tool for the bulk ML job platform")
{
    DbCommand.Create(),
    ScoreCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
