# Without trap_exit, a linked process that exits abnormally takes the caller down too.
IO.puts("spawning a linked process that will exit with :boom")
spawn_link(fn ->
  Process.sleep(20)
  exit(:boom)
end)

receive do
  :never -> :ok
after
  1000 -> IO.puts("not reached: the exit signal kills the script first")
end
