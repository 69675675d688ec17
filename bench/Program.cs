using Platform.Bench;

return args.FirstOrDefault() switch
{
    "inference" => InferenceBench.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench <suite>   suites: inference");
    return 2;
}
