# An uncaught raise ends the script: output so far, then the error on stderr, exit status 1.
IO.puts("before the error")
raise "something went wrong"
