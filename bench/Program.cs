using Platform.Bench;
using Platform.Bench.Pipeline;

return args.FirstOrDefault() switch
{
    "inference" => InferenceBench.Run(),
    "pipeline" => await PipelineBench.RunAsync(),
    "exports" => await ExportBench.RunAsync(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench <suite>   suites: inference, pipeline, exports [rows]");
    return 2;
}
