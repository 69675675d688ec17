Console.WriteLine("usage: bench <suite>");
return 2;
