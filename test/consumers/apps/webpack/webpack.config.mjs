// webpack 5, production: an app's usual config, nothing in it for the kit.
import HtmlWebpackPlugin from 'html-webpack-plugin';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: {clean: true},
  plugins: [new HtmlWebpackPlugin({template: './index.html'})],
};
