using System.CommandLine;

using Platform.Cli.Commands;

var root = new RootCommand("platform: command-line tool for the bulk ML job platform");
root.Subcommands.Add(ScoreCommand.Create());
return root.Parse(args).Invoke();
