using System.CommandLine;

var root = new RootCommand("platform: command-line tool for the bulk ML job platform");
return root.Parse(args).Invoke();
