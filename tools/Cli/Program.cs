using System.CommandLine;
using Platform.Cli.Commands;

var root = new RootCommand("platform: command-line tool for the bulk ML job platform")
{
    BlobsCommand.Create(),
    DbCommand.Create(),
    InferCommand.Create(),
    KeysCommand.Create(),
    SamplesCommand.Create(),
    ScoreCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
