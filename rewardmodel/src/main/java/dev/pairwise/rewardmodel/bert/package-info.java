/**
 * A BERT encoder on DJL (Devlin et al. 2019) with the pretrained all-MiniLM-L6-v2 weights read
 * from their ONNX file, and its WordPiece tokenizer: the reward model's pretrained backbone.
 * Plain Java and DJL, no Spring.
 */
@NullMarked
package dev.pairwise.rewardmodel.bert;

import org.jspecify.annotations.NullMarked;
