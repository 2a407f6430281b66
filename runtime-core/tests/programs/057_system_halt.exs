# System.halt/1 ends the script at once with the given status.
IO.puts("halting with status 3")
System.halt(3)
