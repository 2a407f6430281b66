send(self(), :ping)

receive do
  :ping -> IO.puts("pong")
end
