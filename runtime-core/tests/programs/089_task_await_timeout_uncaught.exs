# An uncaught Task.await timeout ends the script.
task = Task.async(fn -> Process.sleep(1000) end)
IO.puts("awaiting with a 30 ms timeout")
Task.await(task, 30)
