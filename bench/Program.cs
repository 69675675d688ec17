using Platform.Bench;
using Platform.Bench.Pipeline;

return args.FirstOrDefault() switch
{
    "inference" => InferenceBench.Run(),
    "pipeline" => await PipelineBench.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench <suite>   suites: inference, pipeline");
    return 2;
}
