# A plain process's crash report prints while every process waits, here for a timer in another process.
defmodule Lists do
  def empty, do: []
end

main = self()
spawn(fn -> hd(Lists.empty()) end)

spawn(fn ->
  Process.sleep(100)
  send(main, :wake)
end)

IO.puts("waiting")

receive do
  :wake -> IO.puts("woken")
end

IO.puts("end")
