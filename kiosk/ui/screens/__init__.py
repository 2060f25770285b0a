"""Full-screen views: home, exhibit, still viewer."""
